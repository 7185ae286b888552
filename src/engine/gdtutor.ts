/** The module a loss file imports as `import { nn, datasets } from 'gdtutor'`. */
export { nn } from './nn';
export { datasets } from './datasets';
export { Tensor } from './tensor/tensor';
