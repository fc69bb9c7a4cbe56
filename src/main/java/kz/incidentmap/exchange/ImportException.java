package kz.incidentmap.exchange;

import java.util.List;

/** A file (or some of its records) refused: the message lists every problem, one per line. */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(String.join(System.lineSeparator(), problems.stream().map(ImportProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public ImportException(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
