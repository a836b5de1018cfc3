"""Issuance: the approval queue, the issuer key, credentials, certificates, the status list and revocation."""
