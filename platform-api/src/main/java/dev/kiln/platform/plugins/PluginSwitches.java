package dev.kiln.platform.plugins;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plugins are on: platform-wide (admins) and per org (owners). A plugin runs for an org only
 * when both are on; without a row, a switch is on.
 */
@Component
class PluginSwitches {

  private final JdbcClient jdbc;

  PluginSwitches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Platform-wide switches that were set, by plugin id. */
  @Transactional(readOnly = true)
  public Map<String, Boolean> platform() {
    return toMap(
        jdbc.sql("select plugin_id, enabled from plugin_switches")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
            .list());
  }

  @Transactional
  public void setPlatform(String pluginId, boolean enabled, UUID by) {
    jdbc.sql(
            "insert into plugin_switches (plugin_id, enabled, changed_by) values (?, ?, ?)"
                + " on conflict (plugin_id) do update set enabled = excluded.enabled,"
                + " changed_by = excluded.changed_by, changed_at = now()")
        .params(pluginId, enabled, by)
        .update();
  }

  /** The org's switches that were set, by plugin id (the org must be in scope). */
  @Transactional(readOnly = true)
  public Map<String, Boolean> org(UUID org) {
    return toMap(
        jdbc.sql("select plugin_id, enabled from org_plugin_switches where org_id = ?")
            .param(org)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
            .list());
  }

  private static Map<String, Boolean> toMap(java.util.List<Map.Entry<String, Boolean>> rows) {
    Map<String, Boolean> switches = new HashMap<>();
    rows.forEach(e -> switches.put(e.getKey(), e.getValue()));
    return switches;
  }

  @Transactional
  public void setOrg(UUID org, String pluginId, boolean enabled, UUID by) {
    jdbc.sql(
            "insert into org_plugin_switches (org_id, plugin_id, enabled, changed_by)"
                + " values (?, ?, ?, ?) on conflict (org_id, plugin_id) do update set"
                + " enabled = excluded.enabled, changed_by = excluded.changed_by,"
                + " changed_at = now()")
        .params(org, pluginId, enabled, by)
        .update();
  }
}
