"""Station-side sync: the registry HTTP client, resumable evidence transfer, and the outbox glue."""
