"""Stations: enrolment codes, enrolment, bearer tokens, revocation, and the signed trusted-station-keys list."""
