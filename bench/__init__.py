"""Benchmarks of wagtail-ward. Each compares against a baseline measured in the same run."""
