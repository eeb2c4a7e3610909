package dev.virex.core.pow;

/** Checks one proof-of-work solution against the puzzle it claims to solve. */
@FunctionalInterface
public interface PowVerifier {
    boolean verify(PowPuzzle puzzle, PowSolution solution);
}
