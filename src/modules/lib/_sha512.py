"""The SHA-512 hash (for random.seed); see hashlib."""
from hashlib import sha512
