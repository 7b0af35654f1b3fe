"""Built-in adapters, one module per platform or format.  See :mod:`statuskit.adapters.base`
for the contract and :mod:`statuskit.registry` for how they are found."""
