package dev.chainrule.core.exec.fused;

import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;

/**
 * Groups the elementwise operations of a schedule into loops. Walking the nodes in topological
 * order, an elementwise node joins the group of an operand of the same shape, merging the groups
 * of several such operands, as long as that group is still open. A group closes ("seals") as soon
 * as a node outside it reads one of its members: the group runs as one step at the place of its
 * last member, so it may not grow past a reader that needs its values earlier. Every group is thus
 * convex (no path leaves it and comes back), and running groups at their last member keeps the
 * topological order. Values read outside the group, and targets, become the group's outputs.
 */
public final class Fusion {
  private int[] parent = new int[16];
  private boolean[] sealed = new boolean[16];
  private int count;

  private Fusion() {}

  /**
   * Returns the group of every node id, numbered from 0 in the order of each group's first
   * member, or -1 for nodes outside any group (leaves, unneeded and non-elementwise nodes).
   *
   * @param forms the scalar form of each node id's operation (null for leaves and for operations
   *     that are not elementwise)
   * @param args the operand ids of each node id (null for leaves)
   * @param shapes the shape of each node id
   * @param needed which node ids the schedule runs
   */
  public static int[] groups(Scalar[] forms, int[][] args, Shape[] shapes, boolean[] needed) {
    Fusion f = new Fusion();
    int n = forms.length;
    int[] group = new int[n];
    Arrays.fill(group, -1);
    for (int id = 0; id < n; id++) {
      if (!needed[id] || args[id] == null) {
        continue;
      }
      int g = -1;
      if (forms[id] != null) {
        for (int a : args[id]) {
          if (group[a] >= 0) {
            int ra = f.find(group[a]);
            if (!f.sealed[ra] && shapes[a].equals(shapes[id])) {
              g = g < 0 ? ra : f.union(g, ra);
            }
          }
        }
        g = g < 0 ? f.newGroup() : g;
        group[id] = g;
      }
      for (int a : args[id]) {
        if (group[a] >= 0) {
          int ra = f.find(group[a]);
          if (g < 0 || ra != f.find(g)) {
            f.sealed[ra] = true;
          }
        }
      }
    }
    return f.renumber(group);
  }

  private int newGroup() {
    if (count == parent.length) {
      parent = Arrays.copyOf(parent, count * 2);
      sealed = Arrays.copyOf(sealed, count * 2);
    }
    parent[count] = count;
    return count++;
  }

  private int find(int g) {
    int root = g;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[g] != root) {
      int next = parent[g];
      parent[g] = root;
      g = next;
    }
    return root;
  }

  private int union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[rb] = ra;
    }
    return ra;
  }

  /** Replaces group ids by their roots, renumbered densely in order of first appearance. */
  private int[] renumber(int[] group) {
    int[] number = new int[count];
    Arrays.fill(number, -1);
    int next = 0;
    for (int id = 0; id < group.length; id++) {
      if (group[id] >= 0) {
        int root = find(group[id]);
        if (number[root] < 0) {
          number[root] = next++;
        }
        group[id] = number[root];
      }
    }
    return group;
  }
}
