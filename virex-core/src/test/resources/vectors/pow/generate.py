#!/usr/bin/env python3
"""Writes the sha256-v1 PoW vectors of docs/spec/pow.md from an implementation independent of the
Java code: Python's hashlib and big integers. Run from this folder: python3 generate.py"""
import hashlib

DOMAIN = b"virex/pow/sha256-v1\x00"
MAX = 2**256 - 1


def h(label):
    return hashlib.sha256(label.encode()).digest()


def pow_input(mixnode, seed, digest, nonce, effort, solution):
    return DOMAIN + mixnode + seed + digest + nonce + effort.to_bytes(4, "big") + solution


def valid(inp, effort):
    return int.from_bytes(hashlib.sha256(inp).digest(), "big") * effort <= MAX


def solve(mixnode, seed, digest, nonce, effort, want=True, start=0):
    c = start
    while True:
        sol = (0).to_bytes(8, "big") + c.to_bytes(8, "big")
        if valid(pow_input(mixnode, seed, digest, nonce, effort, sol), effort) == want:
            return sol
        c += 1


def write(name, mixnode, seed, digest, nonce, effort, sol):
    inp = pow_input(mixnode, seed, digest, nonce, effort, sol)
    ok = valid(inp, effort)
    assert ok == name.startswith("valid_"), name
    with open(name + ".txt", "w") as f:
        f.write(f"mixnode-id {mixnode.hex()}\nseed {seed.hex()}\nmessage-digest {digest.hex()}\n"
                f"nonce {nonce.hex()}\neffort {effort}\nsolution {sol.hex()}\n"
                f"hash {hashlib.sha256(inp).hexdigest()}\n")


M, S, D, N = h("mixnode A"), h("epoch seed 7"), h("message 1"), bytes(range(16))
M2, D2 = h("mixnode B"), h("message 2")
for e in (1, 1000, 65536):
    write(f"valid_effort_{e}", M, S, D, N, e, solve(M, S, D, N, e))
write("error_invalid_solution", M, S, D, N, 1000, solve(M, S, D, N, 1000, want=False))
# One solution for (M, S, D, N, effort 5000), presented against a different puzzle each time.
s = solve(M, S, D, N, 5000)
write("error_invalid_solution_another_message", M, S, D2, N, 5000, s)
write("error_invalid_solution_another_mixnode", M2, S, D, N, 5000, s)
write("error_invalid_solution_another_seed", M, h("epoch seed 6"), D, N, 5000, s)
write("error_invalid_solution_another_nonce", M, S, D, bytes(16), 5000, s)
write("error_invalid_solution_effort_raised", M, S, D, N, 4_000_000_000, s)
