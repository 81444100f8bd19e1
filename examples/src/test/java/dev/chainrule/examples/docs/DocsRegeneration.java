package dev.chainrule.examples.docs;

/**
 * The one command that rewrites everything the docs paste from the code — the snippets' outputs,
 * the transcripts, every picture of docs/images and the generated rows of docs/matrix-calculus.md
 * — run from the repository root after an intended change (CONTRIBUTING.md). The tests it names
 * check the same things without the property, so a stale page or picture fails the build with
 * this command in the message.
 */
public final class DocsRegeneration {
  /** The system property that switches the tests to rewriting. */
  public static final String PROPERTY = "chainrule.docs.update";

  /** The command. */
  public static final String COMMAND = "mvn -q -pl examples -am test "
      + "-Dtest=DocsTest,GuidePicturesTest,DocsImagesTest,MatrixCookbookTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false "
      + "-D" + PROPERTY + "=true";

  private DocsRegeneration() {}
}
