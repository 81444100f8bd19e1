/**
 * A project outside chainrule's build that uses it as a newcomer would, through the installed
 * artifacts only: {@link com.example.FirstNetwork} trains a small network with a progress bar,
 * prints a gradient as a formula and writes pictures. {@code examples/consumer/check} builds and
 * runs it from a clean local repository, so a missing dependency or a broken artifact fails CI.
 */
package com.example;
