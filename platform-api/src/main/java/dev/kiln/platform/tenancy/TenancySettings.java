package dev.kiln.platform.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationTtl how long an invitation can be accepted
 */
@ConfigurationProperties("kiln.tenancy")
record TenancySettings(@DefaultValue("7d") Duration invitationTtl) {}
