"""Integration tests of the Kinesis Data Streams API."""
