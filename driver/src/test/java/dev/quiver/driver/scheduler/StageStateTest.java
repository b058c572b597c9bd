package dev.quiver.driver.scheduler;

import static dev.quiver.driver.scheduler.StageState.DONE;
import static dev.quiver.driver.scheduler.StageState.FAILED;
import static dev.quiver.driver.scheduler.StageState.RESUBMITTED;
import static dev.quiver.driver.scheduler.StageState.RUNNING;
import static dev.quiver.driver.scheduler.StageState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageStateTest {
  /** The whole state machine of the class comment, and nothing else. */
  private static final Map<StageState, Set<StageState>> ALLOWED = Map.of(
      WAITING, EnumSet.of(RUNNING, FAILED),
      RUNNING, EnumSet.of(DONE, FAILED, RESUBMITTED),
      RESUBMITTED, EnumSet.of(RUNNING, FAILED),
      DONE, EnumSet.of(RESUBMITTED),
      FAILED, EnumSet.noneOf(StageState.class));

  @Test
  void everyTransition() {
    for (StageState from : StageState.values()) {
      for (StageState to : StageState.values()) {
        assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
      }
    }
  }

  @Test
  void noStateMovesToItself() {
    for (StageState s : StageState.values()) {
      assertEquals(false, s.canMoveTo(s), s.toString());
    }
  }

  @Test
  void aStageWhoseOutputIsLostRunsAgainAndCanFinish() {
    StageState s = WAITING;
    for (StageState next : new StageState[] {RUNNING, DONE, RESUBMITTED, RUNNING, DONE}) {
      assertEquals(true, s.canMoveTo(next), s + " -> " + next);
      s = next;
    }
  }

  @Test
  void failedIsFinal() {
    for (StageState s : StageState.values()) {
      assertEquals(false, FAILED.canMoveTo(s));
    }
  }
}
