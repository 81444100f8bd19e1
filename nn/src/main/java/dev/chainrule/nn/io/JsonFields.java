package dev.chainrule.nn.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Reads the fields of a model file's JSON header, and names a missing or mistyped field by its
 * path in the header, e.g. "the JSON header is malformed or lacks a field: parameters[0].name
 * must be a string, got 1". Nothing from the JSON library reaches the message.
 */
final class JsonFields {
  private final Path file;

  JsonFields(Path file) {
    this.file = file;
  }

  /** Returns the exception of a header that is not what the format says, for {@code what}. */
  ModelFileException malformed(String what) {
    return new ModelFileException(file, "the JSON header is malformed or lacks a field: " + what);
  }

  /** Returns {@code e} as an object, or throws naming {@code path}. */
  JsonObject object(JsonElement e, String path) throws ModelFileException {
    if (e == null || !e.isJsonObject()) {
      throw malformed(path + " must be an object" + got(e));
    }
    return e.getAsJsonObject();
  }

  /** Returns the field {@code key} of {@code o}, or throws naming {@code path} as missing. */
  JsonElement field(JsonObject o, String key, String path) throws ModelFileException {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw malformed(path + " is missing");
    }
    return e;
  }

  /** Returns the object field {@code key}, or null when it is absent or null. */
  JsonObject optionalObject(JsonObject o, String key, String path) throws ModelFileException {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? null : object(e, path);
  }

  /** Returns the array field {@code key}. */
  JsonArray array(JsonObject o, String key, String path) throws ModelFileException {
    JsonElement e = field(o, key, path);
    if (!e.isJsonArray()) {
      throw malformed(path + " must be an array" + got(e));
    }
    return e.getAsJsonArray();
  }

  /** Returns the string field {@code key}. */
  String string(JsonObject o, String key, String path) throws ModelFileException {
    return string(field(o, key, path), path);
  }

  /** Returns {@code e} as a string. */
  String string(JsonElement e, String path) throws ModelFileException {
    if (!(e instanceof JsonPrimitive p) || !p.isString()) {
      throw malformed(path + " must be a string" + got(e));
    }
    return p.getAsString();
  }

  /** Returns {@code e} as a number. */
  double number(JsonElement e, String path) throws ModelFileException {
    if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
      throw malformed(path + " must be a number" + got(e));
    }
    return p.getAsDouble();
  }

  /** Returns {@code e} as a whole number from 0 to {@code max}. */
  long count(JsonElement e, String path, long max) throws ModelFileException {
    BigDecimal v;
    try {
      v = e instanceof JsonPrimitive p && p.isNumber() ? p.getAsBigDecimal() : null;
    } catch (NumberFormatException notANumber) {
      v = null;
    }
    if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0
        || v.stripTrailingZeros().scale() > 0) {
      throw malformed(path + " must be a whole number from 0 to " + max + got(e));
    }
    return v.longValueExact();
  }

  /** Returns ", got " and the value, shortened, or nothing for a missing one. */
  private static String got(JsonElement e) {
    if (e == null) {
      return "";
    }
    String text = e.toString();
    return ", got " + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
  }
}
