package nl.luister.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for the first admin.
 *
 * @param adminPassword the password for the user {@code admin} when it is created on first start
 * ({@code luister.admin-password} or the environment variable {@code LUISTER_ADMIN_PASSWORD}); when blank,
 * a random one is generated and logged once
 */
@ConfigurationProperties("luister")
record AdminProperties(String adminPassword) {
}
