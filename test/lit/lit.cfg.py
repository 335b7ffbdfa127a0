# lit configuration for ctxlint's rule tests. Each test is a C file with RUN
# lines; inputs include the small kernel-like headers in test/include, never
# the runtime's headers, so rule tests do not depend on the runtime.
import os
import lit.formats

config.name = "ctxlint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ctxlint_obj_root, "test", "lit")

include_dir = os.path.join(config.ctxlint_src_root, "test", "include")
config.substitutions.append(("%ctxlint", config.ctxlint_bin))
config.substitutions.append(("%tidy-plugin", config.ctxlint_tidy_plugin))
config.substitutions.append(("%clang-tidy", os.path.join(config.llvm_tools_dir, "clang-tidy")))
config.substitutions.append(("%kflags", "-I" + include_dir + " -std=gnu11 -fsyntax-only"))
config.substitutions.append(("%kinclude", include_dir))
config.substitutions.append(("%srcroot", config.ctxlint_src_root))
config.substitutions.append(("%python", "python3"))
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
