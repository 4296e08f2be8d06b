/**
 * What every HTTP request shares: RFC 9457 problem responses, correlation ids, body limits and the
 * rules text input must follow.
 */
package dev.kiln.platform.web;
