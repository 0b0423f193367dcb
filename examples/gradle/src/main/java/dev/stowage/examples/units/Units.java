package dev.stowage.examples.units;

import java.util.Map;
import java.util.Optional;

/** Length, mass and temperature units and the conversions between units of one kind. */
final class Units {
  private Units() {}

  /** Factors to the base unit of each kind: metres and kilograms. */
  private static final Map<String, Double> LENGTH =
      Map.of("mm", 0.001, "cm", 0.01, "m", 1.0, "km", 1000.0, "in", 0.0254, "ft", 0.3048, "mi", 1609.344);

  private static final Map<String, Double> MASS =
      Map.of("g", 0.001, "kg", 1.0, "lb", 0.45359237, "oz", 0.028349523125);

  /** {@code value} in {@code from} expressed in {@code to}; empty when the units do not match. */
  static Optional<Double> convert(double value, String from, String to) {
    for (Map<String, Double> kind : java.util.List.of(LENGTH, MASS)) {
      if (kind.containsKey(from) && kind.containsKey(to)) {
        return Optional.of(value * kind.get(from) / kind.get(to));
      }
    }
    Optional<Double> kelvin = toKelvin(value, from);
    return kelvin.flatMap(k -> fromKelvin(k, to));
  }

  // Gradle 4.4 compiles at source level 12 at most: no switch expressions here.
  private static Optional<Double> toKelvin(double v, String unit) {
    if (unit.equals("K")) {
      return Optional.of(v);
    }
    if (unit.equals("C")) {
      return Optional.of(v + 273.15);
    }
    return unit.equals("F") ? Optional.of((v - 32) * 5 / 9 + 273.15) : Optional.empty();
  }

  private static Optional<Double> fromKelvin(double k, String unit) {
    if (unit.equals("K")) {
      return Optional.of(k);
    }
    if (unit.equals("C")) {
      return Optional.of(k - 273.15);
    }
    return unit.equals("F") ? Optional.of((k - 273.15) * 9 / 5 + 32) : Optional.empty();
  }
}
