"""Build hook for the compiled walker, ``statuskit._speedups``.

``pip install .`` (or ``pip install -e .``) compiles ``src/statuskit/_speedups.pyx`` against
lxml's C API with Cython (both come into the build environment only), and the wheel becomes
platform-specific.  When that cannot be done (no C compiler, say) the build says why on stderr
and goes on without it: statuskit is then pure Python, with the same readings, slower.
``HATCH_BUILD_NO_HOOKS=1 pip install .`` builds the pure-Python wheel on purpose.
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[misc, type-arg, unused-ignore]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        # the hook's own dependencies, installed in the build environment only
        lxml = importlib.import_module("lxml")
        cythonize = importlib.import_module("Cython.Build").cythonize
        setuptools = importlib.import_module("setuptools")

        package = Path(self.root) / "src" / "statuskit"
        work = Path(tempfile.mkdtemp(prefix="statuskit-speedups-"))
        try:
            built = self._compile(package, work, lxml, cythonize, setuptools)
        except Exception as exc:  # noqa: BLE001 - any failure leaves the pure-Python build
            shutil.rmtree(work, ignore_errors=True)
            why = " ".join(str(exc).split())[:200]
            print(
                f"statuskit: compiled walker not built ({type(exc).__name__}: {why}); "
                "installing the pure-Python readers (same results, slower)",
                file=sys.stderr,
            )
            return
        if version == "editable":
            # an editable install imports from src/: the module goes beside the sources
            shutil.copy2(built, package / built.name)
        else:
            build_data["force_include"][str(built)] = f"statuskit/{built.name}"
        self._work = work  # the module is packed from there: removed in finalize
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _compile(
        self, package: Path, work: Path, lxml: Any, cythonize: Any, setuptools: Any
    ) -> Path:
        """The compiled module, built under *work*."""
        ext = setuptools.Extension(
            "statuskit._speedups",
            [str(package / "_speedups.pyx")],
            include_dirs=lxml.get_include(),
        )
        modules = cythonize([ext], quiet=True, build_dir=str(work / "c"))
        dist = setuptools.Distribution({"ext_modules": modules})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(work / "lib")
        cmd.build_temp = str(work / "tmp")
        cmd.ensure_finalized()
        cmd.run()
        return Path(cmd.get_ext_fullpath(ext.name))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
