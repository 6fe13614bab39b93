# The 10-step AdaGrad loop of seed 000, section 5, verbatim: the start-up reference for bench/startup.sh.
import numpy as np

# Objective function: f(x) = x^2
def f(x):
    return x**2

# Gradient: f'(x) = 2x
def grad(x):
    return 2 * x

# Initialize
x = 4.0
eta = 1.0
epsilon = 1e-8
G = 0

# Run for 10 steps
print("Step | x       | Gradient | G        | Learning Rate | Update")
for t in range(1, 11):
    g = grad(x)
    G += g**2
    adjusted_eta = eta / (np.sqrt(G) + epsilon)
    update = adjusted_eta * g
    x -= update
    
    print(f"{t:>4} | {x:7.4f} | {g:8.4f} | {G:8.4f} | {adjusted_eta:13.6f} | {update:7.4f}")
