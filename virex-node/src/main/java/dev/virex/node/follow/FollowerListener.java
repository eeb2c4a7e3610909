package dev.virex.node.follow;

import dev.virex.node.routing.RoutingTable;

/** Told after each committed batch, once the new routing table is in place. */
@FunctionalInterface
public interface FollowerListener {
    void updated(RoutingTable before, RoutingTable after, DirectoryFollower.Update update);
}
