"""Benchmark harness for newsclean and its peers: ``python -m bench`` (see README.md)."""
