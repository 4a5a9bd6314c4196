package dev.integrations.cli;

import java.lang.reflect.Constructor;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands, handing the run's {@link CliContext} to those whose constructor takes one. */
final class CommandFactory implements IFactory {
  private final CliContext context;

  CommandFactory(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getDeclaredConstructor(CliContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    constructor.setAccessible(true);
    return constructor.newInstance(context);
  }
}
