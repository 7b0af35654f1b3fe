"""Build hook for the optional compiled walker, ``statuskit._speedups`` (off by default).

``HATCH_BUILD_HOOKS_ENABLE=1 pip install .`` (or ``pip install -e .``) compiles
``src/statuskit/_speedups.pyx`` against the installed lxml's C API with Cython, and the wheel
becomes platform-specific.  Without that variable nothing is compiled, no compiler or Cython is
needed, and statuskit is pure Python (the readings are the same either way).
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[misc, type-arg, unused-ignore]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        # the hook's own dependencies, installed only when it is enabled
        lxml = importlib.import_module("lxml")
        cythonize = importlib.import_module("Cython.Build").cythonize
        setuptools = importlib.import_module("setuptools")

        package = Path(self.root) / "src" / "statuskit"
        work = Path(tempfile.mkdtemp(prefix="statuskit-speedups-"))
        try:
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
            built = Path(cmd.get_ext_fullpath(ext.name))
            if version == "editable":
                # an editable install imports from src/: the module goes beside the sources
                shutil.copy2(built, package / built.name)
            else:
                build_data["force_include"][str(built)] = f"statuskit/{built.name}"
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        self._work = work  # the module is packed from there: removed in finalize
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
