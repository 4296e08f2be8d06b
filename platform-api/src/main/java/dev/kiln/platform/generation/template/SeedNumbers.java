package dev.kiln.platform.generation.template;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Plausible numbers, amounts and dates for seed rows, chosen by field name. */
final class SeedNumbers {

  private SeedNumbers() {}

  /** A range {@code [low, high]} in steps of {@code step}. */
  private record Range(double low, double high, double step) {

    BigDecimal at(int h, int i) {
      int steps = (int) Math.round((high - low) / step);
      int k = steps == 0 ? 0 : Math.floorMod(h + i * 37, steps + 1);
      return BigDecimal.valueOf(low).add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(k)));
    }
  }

  static BigDecimal number(String entity, String field, int h, int i) {
    if (field.equals("position") || field.equals("track_number")) {
      return BigDecimal.valueOf(i + 1);
    }
    return numberRange(entity, field).at(h, i);
  }

  private static Range numberRange(String entity, String field) {
    String f = field;
    if (f.matches("score|rating|stars")) {
      return entity.equals("grade") ? new Range(62, 98, 1) : new Range(3, 5, 1);
    }
    if (f.matches(".*(quantity|copies|stock|qty).*")) {
      return new Range(2, 120, 1);
    }
    if (f.matches("capacity|seats|party_size")) {
      return f.equals("party_size") ? new Range(2, 8, 1) : new Range(4, 30, 2);
    }
    if (f.matches("duration_minutes|time_limit_minutes|prep_minutes|cook_minutes")) {
      return new Range(15, 90, 15);
    }
    if (f.equals("hours")) {
      return new Range(0.5, 8, 0.5);
    }
    if (f.matches(".*year")) {
      return new Range(1998, 2025, 1);
    }
    if (f.matches("odometer|mileage")) {
      return new Range(12000, 98000, 500);
    }
    if (f.matches("employees")) {
      return new Range(5, 500, 5);
    }
    if (f.matches("bedrooms|servings")) {
      return new Range(1, 6, 1);
    }
    if (f.equals("bathrooms")) {
      return new Range(1, 3, 1);
    }
    if (f.equals("square_feet")) {
      return new Range(600, 3200, 50);
    }
    if (f.matches("progress|percent|percentage|passing_score")) {
      return new Range(40, 100, 5);
    }
    if (f.matches("liters|weight_kg")) {
      return new Range(3, 80, 1);
    }
    if (f.matches("distance_km")) {
      return new Range(5, 400, 5);
    }
    if (f.matches("duration_seconds")) {
      return new Range(150, 320, 1);
    }
    if (f.matches("wip_limit|target_per_period|reorder_level")) {
      return new Range(2, 8, 1);
    }
    if (f.matches("age")) {
      return new Range(18, 70, 1);
    }
    return new Range(1, 50, 1);
  }

  static BigDecimal money(String entity, String field, int h, int i) {
    return moneyRange(entity, field).at(h, i);
  }

  private static Range moneyRange(String entity, String field) {
    if (field.matches("salary.*")) {
      return new Range(45000, 140000, 2500);
    }
    if (field.equals("hourly_rate")) {
      return new Range(35, 150, 5);
    }
    if (entity.matches("listing|property|offer") && field.matches("price|amount")) {
      return new Range(185000, 950000, 5000);
    }
    if (field.matches("monthly_rent|rent")) {
      return new Range(900, 3500, 50);
    }
    if (field.matches("budget|goal")) {
      return new Range(1000, 50000, 500);
    }
    if (entity.equals("deal") || field.equals("value") && !entity.equals("asset")) {
      return new Range(2000, 60000, 500);
    }
    if (entity.matches("invoice|purchase_order|payment|subscription") || field.equals("total")) {
      return new Range(45, 1800, 5);
    }
    if (entity.matches("donation|expense") || field.equals("cost")) {
      return new Range(12, 480, 0.5);
    }
    return new Range(6, 240, 0.5);
  }

  /** A date that fits the field: birthdays decades ago, due dates ahead, others recent. */
  static LocalDate date(String field, int h, int i) {
    if (field.matches("date_of_birth|dob|birthday")) {
      return LocalDate.of(
          1958 + Math.floorMod(h + i * 7, 45),
          1 + Math.floorMod(h + i, 12),
          1 + Math.floorMod(h / 3 + i * 5, 28));
    }
    if (field.matches(
        "due.*|.*_due_on|deadline|.*ends_on|expected_on|renews_on|target_date|close_date|lease_end|.*expires_on|next_.*")) {
      return SeedData.BASE.plusDays(7 + Math.floorMod(h + i * 11, 80));
    }
    if (field.matches(
        "joined_on|hired_on|enrolled_on|started_on|starts_on|lease_start|purchased_on")) {
      return SeedData.BASE.minusDays(30 + Math.floorMod(h + i * 41, 400));
    }
    return SeedData.BASE.minusDays(Math.floorMod(h + i * 5, 45));
  }
}
