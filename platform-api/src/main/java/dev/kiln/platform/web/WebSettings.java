package dev.kiln.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits.
 *
 * @param maxBodySize the largest request body {@code /api/**} accepts; larger answers 413
 */
@ConfigurationProperties("kiln.web")
record WebSettings(@DefaultValue("256KB") DataSize maxBodySize) {}
