import '@testing-library/jest-dom';
import { server } from './platform';

beforeEach(() => server.reset());
