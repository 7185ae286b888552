// gradient descent with momentum
