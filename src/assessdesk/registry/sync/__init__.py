"""Sync: idempotent batched push with per-record results, and the routed pull feed."""
