#include "report/ReportPaths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace ctxlint;

TEST(ReportPaths, RelativeToRootLexically) {
  SourcePathMapper M("/src/linux/build", "/src/linux");
  EXPECT_EQ(M.rootDirectory(), "/src/linux/");
  EXPECT_EQ(M.relativeToRoot("/src/linux/drivers/a.c"), "drivers/a.c");
  EXPECT_EQ(M.relativeToRoot("/src/linux/./drivers/../kernel/b.c"), "kernel/b.c");
  // Relative names are resolved against the working directory.
  EXPECT_EQ(M.relativeToRoot("../drivers/a.c"), "drivers/a.c");
  EXPECT_EQ(M.relativeToRoot("gen/x.h"), "build/gen/x.h");
}

TEST(ReportPaths, OutsideTheRoot) {
  SourcePathMapper M("/src/linux", "/src/linux/");
  EXPECT_EQ(M.relativeToRoot("/usr/include/stdio.h"), std::nullopt);
  // A sibling whose name starts with the root's name is not inside it.
  EXPECT_EQ(M.relativeToRoot("/src/linux-next/a.c"), std::nullopt);
  EXPECT_EQ(M.relativeToRoot("/src/linux"), std::nullopt);
  EXPECT_EQ(M.relativeToRoot("../linux/a.c"), "a.c");
  EXPECT_EQ(M.display("/usr/./include/../include/stdio.h"),
            "/usr/include/stdio.h");
  EXPECT_EQ(M.display("a.c"), "a.c");
}

TEST(ReportPaths, NoRootMeansNothingIsRelative) {
  SourcePathMapper M("/w", "");
  EXPECT_EQ(M.rootDirectory(), "");
  EXPECT_EQ(M.relativeToRoot("/w/a.c"), std::nullopt);
  EXPECT_EQ(M.display("a.c"), "/w/a.c");
}

TEST(ReportPaths, SymlinksAreResolved) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("ctxlint-paths", Dir));
  llvm::SmallString<128> Real(Dir), Link(Dir), File(Dir);
  llvm::sys::path::append(Real, "real");
  llvm::sys::path::append(Link, "link");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Real + "/drivers"));
  ASSERT_FALSE(llvm::sys::fs::create_link(Real, Link));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Real + "/drivers/a.c").str(), EC);
    ASSERT_FALSE(EC);
    OS << "int x;\n";
  }
  // The root named through the symlink, the file through the real path,
  // and the other way round: both are under the root.
  SourcePathMapper ViaLink("/", std::string(Link));
  EXPECT_EQ(ViaLink.relativeToRoot(std::string(Real) + "/drivers/a.c"),
            "drivers/a.c");
  SourcePathMapper ViaReal("/", std::string(Real));
  EXPECT_EQ(ViaReal.relativeToRoot(std::string(Link) + "/drivers/../drivers/a.c"),
            "drivers/a.c");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ReportPaths, FileUrisArePercentEncoded) {
  EXPECT_EQ(fileUriFromAbsolutePath("/src/linux/"), "file:///src/linux/");
  EXPECT_EQ(fileUriFromAbsolutePath("/a b/c#d%.c"), "file:///a%20b/c%23d%25.c");
  EXPECT_EQ(fileUriFromAbsolutePath("/\xC3\xA9.c"), "file:///%C3%A9.c");
  EXPECT_EQ(uriReferenceFromRelativePath("drivers/a:b.c"), "drivers/a%3Ab.c");
}
