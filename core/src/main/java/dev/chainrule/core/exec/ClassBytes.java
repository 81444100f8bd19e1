package dev.chainrule.core.exec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal writer of Java class files for {@link ElementCompiler}: a constant pool, fields, and
 * methods whose code is straight-line (no branches, hence no stack map frames are needed) built
 * with the few instructions the compiler emits.
 */
final class ClassBytes {
  private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
  private final DataOutputStream poolOut = new DataOutputStream(pool);
  private final Map<String, Integer> entries = new HashMap<>();
  private int poolCount = 1;
  private final List<byte[]> fields = new ArrayList<>();
  private final List<byte[]> methods = new ArrayList<>();
  private final String name;
  private final String[] interfaces;

  /** Starts a final class {@code name} (internal form) extending Object with the interfaces. */
  ClassBytes(String name, String... interfaces) {
    this.name = name;
    this.interfaces = interfaces;
  }

  private int entry(String key, byte tag, Writer w) {
    Integer known = entries.get(key);
    if (known != null) {
      return known;
    }
    try {
      poolOut.writeByte(tag);
      w.write(poolOut);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.put(key, poolCount);
    return poolCount++;
  }

  /** Returns the pool index of a UTF-8 constant. */
  int utf8(String s) {
    return entry("U" + s, (byte) 1, o -> o.writeUTF(s));
  }

  /** Returns the pool index of an int constant. */
  int integer(int v) {
    return entry("I" + v, (byte) 3, o -> o.writeInt(v));
  }

  /** Returns the pool index of a class reference (internal name or array descriptor). */
  int type(String internalName) {
    int n = utf8(internalName);
    return entry("C" + internalName, (byte) 7, o -> o.writeShort(n));
  }

  private int nameAndType(String member, String descriptor) {
    int n = utf8(member);
    int d = utf8(descriptor);
    return entry("N" + member + ":" + descriptor, (byte) 12, o -> {
      o.writeShort(n);
      o.writeShort(d);
    });
  }

  private int member(byte tag, String owner, String member, String descriptor) {
    int c = type(owner);
    int nt = nameAndType(member, descriptor);
    return entry(tag + owner + "." + member + ":" + descriptor, tag, o -> {
      o.writeShort(c);
      o.writeShort(nt);
    });
  }

  /** Returns the pool index of a field reference. */
  int field(String owner, String member, String descriptor) {
    return member((byte) 9, owner, member, descriptor);
  }

  /** Returns the pool index of a class method reference. */
  int method(String owner, String member, String descriptor) {
    return member((byte) 10, owner, member, descriptor);
  }

  /** Returns the pool index of an interface method reference. */
  int interfaceMethod(String owner, String member, String descriptor) {
    return member((byte) 11, owner, member, descriptor);
  }

  /** Adds a private final field. */
  void addField(String member, String descriptor) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    write(o, 0x0012, utf8(member), utf8(descriptor), 0);
    fields.add(b.toByteArray());
  }

  /** Adds a method with the given access flags and straight-line code. */
  void addMethod(int access, String member, String descriptor, Code code) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    byte[] body = code.bytes();
    write(o, access, utf8(member), utf8(descriptor), 1);
    try {
      o.writeShort(utf8("Code"));
      o.writeInt(12 + body.length);
      o.writeShort(code.maxStack);
      o.writeShort(code.maxLocals);
      o.writeInt(body.length);
      o.write(body);
      o.writeShort(0);
      o.writeShort(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    methods.add(b.toByteArray());
  }

  private static void write(DataOutputStream o, int... shorts) {
    try {
      for (int s : shorts) {
        o.writeShort(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the class file. */
  byte[] toBytes() {
    int self = type(name);
    int object = type("java/lang/Object");
    int[] ifaces = new int[interfaces.length];
    for (int i = 0; i < ifaces.length; i++) {
      ifaces[i] = type(interfaces[i]);
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    try {
      o.writeInt(0xCAFEBABE);
      o.writeShort(0);
      o.writeShort(61);
      o.writeShort(poolCount);
      poolOut.flush();
      o.write(pool.toByteArray());
      write(o, 0x0030, self, object, ifaces.length);
      write(o, ifaces);
      o.writeShort(fields.size());
      for (byte[] f : fields) {
        o.write(f);
      }
      o.writeShort(methods.size());
      for (byte[] m : methods) {
        o.write(m);
      }
      o.writeShort(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /** Writes one constant's body. */
  @FunctionalInterface
  private interface Writer {
    void write(DataOutputStream o) throws IOException;
  }

  /** The straight-line bytecode of one method. */
  static final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    int maxStack;
    int maxLocals;

    Code(int maxStack, int maxLocals) {
      this.maxStack = maxStack;
      this.maxLocals = maxLocals;
    }

    /** Emits one opcode with no operand. */
    Code op(int opcode) {
      out.write(opcode);
      return this;
    }

    /** Emits an opcode with a two-byte constant pool operand. */
    Code op(int opcode, int index) {
      out.write(opcode);
      out.write(index >> 8);
      out.write(index);
      return this;
    }

    /** Emits a local variable instruction (aload, iload, dload, dstore), wide when needed. */
    Code local(int opcode, int slot) {
      if (slot > 255) {
        out.write(0xc4);
        return op(opcode, slot);
      }
      out.write(opcode);
      out.write(slot);
      return this;
    }

    /** Pushes an int constant. */
    Code push(int v, ClassBytes cls) {
      if (v >= -1 && v <= 5) {
        return op(0x03 + v);
      } else if (v >= -128 && v <= 127) {
        out.write(0x10);
        out.write(v);
        return this;
      } else if (v >= -32768 && v <= 32767) {
        return op(0x11, v & 0xffff);
      }
      return op(0x13, cls.integer(v));
    }

    /** Emits invokeinterface with its argument slot count. */
    Code invokeInterface(int index, int argumentSlots) {
      op(0xb9, index);
      out.write(argumentSlots);
      out.write(0);
      return this;
    }

    /** Returns the number of bytes emitted so far. */
    int size() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
