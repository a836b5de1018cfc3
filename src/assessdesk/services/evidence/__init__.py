"""Evidence on the station: the encrypted, content-addressed store, sealing, packages and verification."""
