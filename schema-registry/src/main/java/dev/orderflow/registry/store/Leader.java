package dev.orderflow.registry.store;

/**
 * The instance that last announced itself leader in the topic.
 *
 * @param url where it takes forwarded writes
 * @param generation the election group's generation in which it won, growing with every
 * election
 * @param instance its instance id, unique per process
 */
public record Leader(String url, int generation, String instance) {
}
