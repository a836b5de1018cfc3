"""Trust primitives: canonical JSON, hashes, hash chains, signatures, proofs, encryption. Pure: no db, Qt or network."""
