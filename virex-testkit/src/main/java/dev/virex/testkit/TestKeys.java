package dev.virex.testkit;

import dev.virex.core.note.SignerKey;

/** Repeatable note keys for tests: the same name always gives the same key. */
public final class TestKeys {
    private TestKeys() {}

    public static SignerKey signer(String name) {
        return SignerKey.generate(name, new DeterministicRandom("virex-test-key:" + name));
    }
}
