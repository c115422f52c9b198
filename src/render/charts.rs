//! The geometry of the statistics charts, in SVG user units: bars for counts, a line of
//! steps for an indicator over its dates. The templates write the `<svg>` from it and
//! format every number and date in the page language (docs/maintainer/pages.md "Statistics").

use serde::Serialize;

use crate::types::Date;

/// Height of the plotting area; values are scaled so the largest fills it.
const PLOT: f64 = 160.0;
/// Room above the plot for the largest value's label.
const TOP: f64 = 24.0;
/// Room below the plot for the labels of the horizontal axis.
const BOTTOM: f64 = 28.0;
const SIDE: f64 = 12.0;
const BAR_STEP: f64 = 56.0;
const BAR_WIDTH: f64 = 40.0;

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A bar chart: one bar per label, its height in proportion to its value.
#[derive(Serialize, Debug)]
pub struct Bars {
    pub width: f64,
    pub height: f64,
    /// The y of the axis line, where every bar starts.
    pub baseline: f64,
    pub bars: Vec<Bar>,
}

#[derive(Serialize, Debug)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The middle of the bar, where its labels are centred.
    pub cx: f64,
    /// Baselines of the value's label (above the bar) and the axis label (below the axis).
    pub value_y: f64,
    pub label_y: f64,
}

/// A bar chart of `points` (label, value), in their order.
pub fn bars(points: &[(String, u64)]) -> Bars {
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let baseline = TOP + PLOT;
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let height = r2(*value as f64 / max * PLOT);
            let x = SIDE + i as f64 * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2.0;
            Bar {
                label: label.clone(),
                value: *value,
                x,
                y: r2(baseline - height),
                width: BAR_WIDTH,
                height,
                cx: x + BAR_WIDTH / 2.0,
                value_y: r2(baseline - height - 6.0),
                label_y: baseline + 18.0,
            }
        })
        .collect();
    Bars {
        width: 2.0 * SIDE + points.len().max(1) as f64 * BAR_STEP,
        height: baseline + BOTTOM,
        baseline,
        bars,
    }
}

/// An indicator over time: points placed by date, joined by steps (a value holds until
/// the next report).
#[derive(Serialize, Debug)]
pub struct Steps {
    pub width: f64,
    pub height: f64,
    pub baseline: f64,
    /// The `points` attribute of the polyline.
    pub line: String,
    pub points: Vec<Point>,
}

#[derive(Serialize, Debug)]
pub struct Point {
    pub date: Date,
    pub value: u64,
    pub x: f64,
    pub y: f64,
    pub value_y: f64,
    pub label_y: f64,
    /// `start`, `middle` or `end`: the first and last labels stay inside the chart.
    pub anchor: &'static str,
    /// Whether its date is written under the axis (the first and last, and all of a few).
    pub dated: bool,
}

/// A step chart of `points` (date, value), oldest first.
pub fn steps(points: &[(Date, u64)]) -> Steps {
    let width = 480.0;
    let inner = width - 2.0 * SIDE;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let baseline = TOP + PLOT;
    let first = points.first().map(|p| p.0.0);
    let span = match (first, points.last()) {
        (Some(a), Some(b)) => (b.0.0 - a).get_days() as f64,
        _ => 0.0,
    };
    let n = points.len();
    let placed: Vec<Point> = points
        .iter()
        .enumerate()
        .map(|(i, &(date, value))| {
            let x = match first {
                Some(a) if span > 0.0 => SIDE + (date.0 - a).get_days() as f64 / span * inner,
                _ => width / 2.0,
            };
            let y = r2(baseline - value as f64 / max * PLOT);
            let anchor = if n == 1 {
                "middle"
            } else if i == 0 {
                "start"
            } else if i + 1 == n {
                "end"
            } else {
                "middle"
            };
            Point {
                date,
                value,
                x: r2(x),
                y,
                value_y: r2(y - 8.0),
                label_y: baseline + 18.0,
                anchor,
                dated: n <= 3 || i == 0 || i + 1 == n,
            }
        })
        .collect();
    let mut line = String::new();
    for (i, p) in placed.iter().enumerate() {
        if i > 0 {
            line.push_str(&format!(" {},{}", p.x, placed[i - 1].y));
        }
        if i > 0 {
            line.push(' ');
        }
        line.push_str(&format!("{},{}", p.x, p.y));
    }
    Steps {
        width,
        height: baseline + BOTTOM,
        baseline,
        line,
        points: placed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_in_the_ratio_of_their_values() {
        let b = bars(&[("2011".into(), 3), ("2012".into(), 1), ("2013".into(), 0)]);
        assert_eq!(b.bars.len(), 3);
        assert_eq!(b.bars[0].height, PLOT);
        assert!((b.bars[1].height * 3.0 - PLOT).abs() < 0.02);
        assert_eq!(b.bars[2].height, 0.0);
        assert!(b.bars.iter().all(|bar| bar.y + bar.height == b.baseline));
    }

    #[test]
    fn steps_hold_each_value_until_the_next_date() {
        let d = |s: &str| Date(s.parse().unwrap());
        let s = steps(&[(d("2011-10-14"), 3092), (d("2012-02-15"), 3617)]);
        assert_eq!(s.points[1].y, TOP);
        assert_eq!(s.points[0].x, SIDE);
        assert_eq!(s.points[1].x, 480.0 - SIDE);
        // Level at the first value up to the second date, then up.
        let y0 = s.points[0].y;
        assert_eq!(
            s.line,
            format!("{SIDE},{y0} {},{y0} {},{TOP}", 480.0 - SIDE, 480.0 - SIDE)
        );
    }
}
