package dev.chainrule.core.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * GEMM through a native BLAS (OpenBLAS or another {@code libblas.so.3}) reached with
 * dev.ludovic.netlib's JNI binding: {@code dgemm} for doubles, {@code sgemm} for floats. That BLAS
 * is column-major: a row-major array holding X is, read column-major, Xᵀ, so the row-major {@code
 * C = op(A) · op(B)} is computed as the column-major {@code Cᵀ = op(B)ᵀ · op(A)ᵀ} by swapping the
 * operands, with nothing copied.
 *
 * <p>All references to the binding live in this class, so a missing jar or native library only
 * makes {@link #available()} false. The native library runs its own threads (for OpenBLAS, set with
 * {@code OPENBLAS_NUM_THREADS}), not {@link Gemm#threads()}.
 *
 * <p>Which BLAS was found is one DEBUG line of the logger {@code dev.chainrule.core.tensor.Gemm}
 * ({@link System.Logger}); the binding's own report of its search (INFO "Using …JNIBLAS", or
 * WARNING lines on a machine without a native BLAS, which is normal) is silenced unless the user
 * has set a level for its logger {@code dev.ludovic.netlib.blas}.
 */
final class NativeGemm {
  private static final System.Logger LOG = System.getLogger(Gemm.class.getName());
  private static final String BINDING_LOGGER = "dev.ludovic.netlib.blas";
  private static final BLAS BLAS_OR_NULL;
  private static final String STATUS;

  static {
    BLAS found = null;
    String status;
    Logger binding = Logger.getLogger(BINDING_LOGGER);
    Level userLevel = binding.getLevel();
    if (userLevel == null) {
      binding.setLevel(Level.OFF);
    }
    try {
      BLAS blas = BLAS.getInstance();
      if (blas instanceof NativeBLAS) {
        found = blas;
        status = "native BLAS " + blas.getClass().getName();
      } else {
        status = "no native BLAS: BLAS.getInstance() returned the pure-Java "
            + blas.getClass().getName();
      }
    } catch (LinkageError | RuntimeException e) {
      status = "no native BLAS: dev.ludovic.netlib could not be loaded (" + e + ")";
    } finally {
      binding.setLevel(userLevel);
    }
    BLAS_OR_NULL = found;
    STATUS = status;
    LOG.log(System.Logger.Level.DEBUG, "chainrule GEMM: {0}", STATUS);
  }

  private NativeGemm() {}

  /** Returns whether a native BLAS was found and loaded. */
  static boolean available() {
    return BLAS_OR_NULL != null;
  }

  /** Returns which BLAS was found, or why none was. */
  static String status() {
    return STATUS;
  }

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} with {@code dgemm}, on validated
   * arguments with all sizes positive.
   *
   * @throws IllegalStateException if no native BLAS is available
   */
  static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    blas().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb, a, aOff,
        lda, beta, c, cOff, ldc);
  }

  /** Like {@link #dgemm} on floats, with {@code sgemm}; alpha and beta are floats widened. */
  static void sgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, double beta,
      float[] c, int cOff, int ldc) {
    blas().sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, (float) alpha, b, bOff, ldb, a,
        aOff, lda, (float) beta, c, cOff, ldc);
  }

  private static BLAS blas() {
    if (BLAS_OR_NULL == null) {
      throw new IllegalStateException(
          GemmBackend.PROPERTY + "=native was requested, but there is " + STATUS);
    }
    return BLAS_OR_NULL;
  }
}
