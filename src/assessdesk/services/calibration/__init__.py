"""Calibration use-cases: exercises with benchmark performances, blind benchmark scoring, results, certification
(and the gate on live score sheets), drift monitoring from second-marked attempts, and the exercise report."""
