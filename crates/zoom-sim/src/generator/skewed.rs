//! Zipf-like choice: the first item is picked most, the tail rarely — as real sites, departments
//! and cost centers have a few big groups and many small ones.

use rand::Rng;

pub(super) struct Skewed {
    /// Cumulative weights; item `i` is picked with weight `1 / (i + 1)^exponent`.
    cumulative: Vec<f64>,
}

impl Skewed {
    pub fn new(len: usize, exponent: f64) -> Self {
        assert!(len > 0, "nothing to choose from");
        let mut total = 0.0;
        let cumulative = (0..len)
            .map(|i| {
                total += 1.0 / ((i + 1) as f64).powf(exponent);
                total
            })
            .collect();
        Self { cumulative }
    }

    pub fn pick(&self, rng: &mut impl Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or_default();
        let target = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= target)
            .min(self.cumulative.len() - 1)
    }
}

/// An index drawn with the given weights: item `i` with weight `weights[i]`.
pub(super) fn weighted_index(
    rng: &mut impl Rng,
    weights: impl Iterator<Item = u32> + Clone,
) -> usize {
    let mut roll = rng.random_range(0..weights.clone().sum::<u32>());
    for (i, weight) in weights.enumerate() {
        if roll < weight {
            return i;
        }
        roll -= weight;
    }
    0
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn the_head_is_picked_more_than_the_tail_and_every_item_can_be() {
        let skewed = Skewed::new(10, 1.0);
        let mut rng = StdRng::seed_from_u64(1);
        let mut counts = [0usize; 10];
        for _ in 0..100_000 {
            counts[skewed.pick(&mut rng)] += 1;
        }
        assert!(counts[0] > 3 * counts[9]);
        assert!(counts.iter().all(|&c| c > 0));
    }
}
