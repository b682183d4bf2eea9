package nl.luister.cases;

import java.util.Set;

/** Cases were opened or changed; published after the transaction commits (drives the live inbox). */
public record CasesChanged(Set<Long> opened, Set<Long> changed) {
}
