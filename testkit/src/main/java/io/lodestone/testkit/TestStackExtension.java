package io.lodestone.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM's {@link TestStack} as a parameter ({@code @ExtendWith(TestStackExtension.class)});
 * the stack is closed when the whole test run ends, not after each class, so that servers start once.
 */
public final class TestStackExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestStack stack = TestStack.get();
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TestStack.class.getName(), key -> (ExtensionContext.Store.CloseableResource) stack::close);
    return stack;
  }
}
