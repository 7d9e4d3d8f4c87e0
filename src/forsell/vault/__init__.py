"""Keys and encrypted storage of recordings.

KEK (key-encryption key): 256-bit random, only in the OS secret store (``secrets.py``).
DEK (data key): one per recording, wrapped by the KEK, in a key database file of its own
(``keys.py``), so that deleting it makes the recording unreadable in every copy of the main
database, backups included (crypto-shredding). Chunks are sealed with AES-256-GCM (``chunks.py``).
"""
