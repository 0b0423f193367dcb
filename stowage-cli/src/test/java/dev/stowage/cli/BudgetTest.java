package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.image.CiRules;
import dev.stowage.lint.config.BuildConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {
  private static BuildConfig config(Map<String, String> budgets) {
    Map<String, BuildConfig.Setting> m = new java.util.LinkedHashMap<>();
    budgets.forEach((k, v) -> m.put(k, new BuildConfig.Setting(v, "/p/.stowage.yaml:4:14: build.budgets." + k)));
    return new BuildConfig(Optional.empty(), m, List.of());
  }

  @Test
  void flagsOverrideTheFileBudgetByBudget() throws Exception {
    List<Budget> b = Budget.of("2m", null, null, null, config(Map.of("maxDuration", "10s", "maxSize", "1.5GiB", "maxLayers", "7")));
    assertThat(b).containsExactly(
        new Budget(Budget.Kind.DURATION, 120), new Budget(Budget.Kind.SIZE, 1.5 * 1024 * 1024 * 1024), new Budget(Budget.Kind.LAYERS, 7));
  }

  @Test
  void sizesReadAsImageCiReadsThem() throws Exception {
    for (String s : List.of("150MB", "150 mb", "1.2GiB", "20M", "512", "3Ki")) {
      assertThat(Budget.parse(Budget.Kind.SIZE, s, "--max-size").limit()).as(s).isEqualTo((double) CiRules.parseBytes(s));
    }
  }

  @Test
  void aBadValueNamesItsFlagOrItsFileLineAndKey() {
    assertThatThrownBy(() -> Budget.of(null, "120%", null, null, config(Map.of())))
        .hasMessage("--min-cache-hit: '120%' is not a rate such as 0.8 or 80%");
    assertThatThrownBy(() -> Budget.of(null, null, null, null, config(Map.of("maxLayers", "many"))))
        .hasMessage("/p/.stowage.yaml:4:14: build.budgets.maxLayers: 'many' is not a number of layers (0 or more)");
    assertThatThrownBy(() -> Budget.of(null, null, null, null, config(Map.of("maxSize", "big"))))
        .hasMessage("/p/.stowage.yaml:4:14: build.budgets.maxSize: 'big' is not a size such as 150MB or 1.2GiB");
  }
}
