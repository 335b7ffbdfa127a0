#include "ReportTestSupport.h"
#include "report/Fingerprint.h"

#include <gtest/gtest.h>

using namespace ctxlint;
using namespace ctxlint::test;

TEST(Fingerprint, PinnedValueOfVersion1) {
  // sha1("ctxlint-sleep-in-atomic\0foo_irq\0msleep(10);\0foo.c\0"), computed
  // independently (Python hashlib). If this changes, every baseline and
  // every GitHub alert changes: bump FingerprintKey instead.
  EXPECT_EQ(stableFingerprint(sleepFinding()),
            "c7ff27961b15b7465e96f58e2851e673105954de");
  EXPECT_STREQ(FingerprintKey, "ctxlint/v1");
}

TEST(Fingerprint, SurvivesLineAndColumnShifts) {
  Finding A = sleepFinding();
  Finding B = A;
  B.Location.Line += 40;
  B.Location.Column = 1;
  B.Notes.clear();
  B.CallChain.clear();
  EXPECT_EQ(stableFingerprint(A), stableFingerprint(B));
}

TEST(Fingerprint, SurvivesAnotherCheckoutDirectory) {
  Finding A = sleepFinding();
  Finding B = A;
  B.Location.File = "../other-checkout/drivers/net/foo.c";
  EXPECT_EQ(stableFingerprint(A), stableFingerprint(B));
}

TEST(Fingerprint, ChangesWithBasisRuleFunctionAndFileName) {
  Finding A = sleepFinding();
  std::string Base = stableFingerprint(A);
  Finding B = A;
  B.FingerprintBasis = "msleep(20);";
  EXPECT_NE(stableFingerprint(B), Base);
  B = A;
  B.RuleId = "ctxlint-double-lock";
  EXPECT_NE(stableFingerprint(B), Base);
  B = A;
  B.Function = "foo_probe";
  EXPECT_NE(stableFingerprint(B), Base);
  B = A;
  B.Location.File = "/src/linux/drivers/net/bar.c";
  EXPECT_NE(stableFingerprint(B), Base);
}

TEST(Fingerprint, FieldsAreSeparated) {
  Finding A = sleepFinding();
  A.Function = "ab";
  A.FingerprintBasis = "c";
  Finding B = A;
  B.Function = "a";
  B.FingerprintBasis = "bc";
  EXPECT_NE(stableFingerprint(A), stableFingerprint(B));
}

TEST(Fingerprint, MessageStandsInForAnEmptyBasis) {
  Finding A = sleepFinding();
  A.FingerprintBasis.clear();
  Finding B = A;
  B.Message = "another message";
  EXPECT_NE(stableFingerprint(A), stableFingerprint(B));
  Finding C = sleepFinding();
  C.FingerprintBasis = A.Message; // the same text hashed the same way
  EXPECT_EQ(stableFingerprint(A), stableFingerprint(C));
}

TEST(Fingerprint, IsFortyLowercaseHexDigits) {
  std::string P = stableFingerprint(sleepFinding());
  ASSERT_EQ(P.size(), 40u);
  EXPECT_EQ(P.find_first_not_of("0123456789abcdef"), std::string::npos) << P;
}
