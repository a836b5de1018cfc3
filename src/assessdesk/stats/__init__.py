"""Reliability statistics for calibration (alpha, kappas, ICC, agreement, bias); pure numpy, no db/Qt/net.

Every function takes a units x raters table (NaN = missing rating) and, where distances matter, the rubric's
level scale, and returns frozen result objects (`Coefficient`, `RaterBias`, `PairwiseKappa`) whose value is
None with a reason whenever the statistic is undefined for the data.
"""

from assessdesk.stats.agreement import agreement_shares, assessor_bias
from assessdesk.stats.alpha import LEVELS, Level, krippendorff_alpha
from assessdesk.stats.icc import ICC_FORMS, icc, intraclass_correlations
from assessdesk.stats.kappa import WEIGHTS, Weights, cohen_kappa, fleiss_kappa, pairwise_cohen_kappa
from assessdesk.stats.results import Coefficient, ConfidenceInterval, PairwiseKappa, RaterBias
from assessdesk.stats.scale import LevelScale

__all__ = [
    "ICC_FORMS", "LEVELS", "WEIGHTS", "Coefficient", "ConfidenceInterval", "Level", "LevelScale",
    "PairwiseKappa", "RaterBias", "Weights", "agreement_shares", "assessor_bias", "cohen_kappa",
    "fleiss_kappa", "icc", "intraclass_correlations", "krippendorff_alpha", "pairwise_cohen_kappa",
]
