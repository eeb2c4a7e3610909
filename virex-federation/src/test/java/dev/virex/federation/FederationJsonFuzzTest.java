package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.federation.config.ConfigException;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.decide.ProposalBody;
import dev.virex.federation.decide.SignerService;

/**
 * Jazzer fuzz tests of the federation's JSON inputs (configuration files, policy, proposals,
 * votes, commit requests): each parses into a valid record or fails with {@link ConfigException},
 * never with anything else.
 */
class FederationJsonFuzzTest {
    private static void parses(byte[] data, Class<?> type) {
        try {
            assertThat(ConfigFiles.parse(data, type, "input")).isNotNull();
        } catch (ConfigException expected) {
            assertThat(expected.getMessage()).startsWith("input is not a valid " + type.getSimpleName());
        }
    }

    @FuzzTest
    void federationConfig(byte[] data) {
        parses(data, FederationConfig.class);
    }

    @FuzzTest
    void memberConfig(byte[] data) {
        parses(data, MemberConfig.class);
    }

    @FuzzTest
    void policy(byte[] data) {
        parses(data, ReviewPolicy.class);
    }

    @FuzzTest
    void proposal(byte[] data) {
        parses(data, ProposalBody.class);
    }

    @FuzzTest
    void vote(byte[] data) {
        parses(data, Ballots.VotePayload.class);
    }

    @FuzzTest
    void commitRequest(byte[] data) {
        parses(data, SignerService.CommitRequest.class);
    }
}
