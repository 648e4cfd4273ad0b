package dev.orderflow.registry.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the registry, when basic authentication is on.
 *
 * @param enabled whether every API call needs credentials (health and metrics never do)
 * @param readOnlyUsers {@code user:password} entries that may only read: what a
 * deserializer, or a serializer with {@code auto.register.schemas=false}, needs
 * @param readWriteUsers {@code user:password} entries that may also register, delete and
 * change settings
 */
@ConfigurationProperties("orderflow.registry.auth")
public record AuthProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<String> readOnlyUsers,
		@DefaultValue List<String> readWriteUsers) {
}
