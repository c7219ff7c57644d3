"""Developer tools, above every app: the demo, the named cast and sample data (builders), the
province-sized bench ledger (benchdata), the web, import and bulletin benches, and the locale
builder. Nothing of the product imports this package (tests/test_architecture.py checks it)."""
