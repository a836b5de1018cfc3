"""Evidence: blobs stored content-addressed and encrypted, tus 1.0.0 uploads, ranged downloads, expected/present."""
